package org.qiluvalley.planner.security;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.SecurityContextRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request with HTTP Basic credentials authenticates itself: it is not given the security context of a session
 * cookie it may also carry. So its password is always checked (Spring's Basic filter skips the check when the
 * session is already signed in as the same user), and it is exempt from CSRF only because it proved itself, never
 * because of a session another site could make the browser send. Every other request is served as the delegate
 * (session, then request attribute) says.
 */
final class BasicIgnoresSession implements SecurityContextRepository {

    private final SecurityContextRepository delegate;

    BasicIgnoresSession(SecurityContextRepository delegate) {
        this.delegate = delegate;
    }

    /** True when the request carries {@code Authorization: Basic ...} (the scheme is case-insensitive). */
    static boolean hasBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (hasBasicCredentials(request)) {
            return new DeferredSecurityContext() {
                @Override
                public SecurityContext get() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }

                @Override
                public boolean isGenerated() {
                    return true;
                }
            };
        }
        return delegate.loadDeferredContext(request);
    }

    @Override
    @SuppressWarnings("deprecation") // the interface still declares it; Spring calls loadDeferredContext
    public SecurityContext loadContext(org.springframework.security.web.context.HttpRequestResponseHolder holder) {
        if (hasBasicCredentials(holder.getRequest())) {
            return new SecurityContextImpl();
        }
        return delegate.loadContext(holder);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        delegate.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return !hasBasicCredentials(request) && delegate.containsContext(request);
    }
}

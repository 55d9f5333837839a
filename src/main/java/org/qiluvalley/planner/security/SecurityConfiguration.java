package org.qiluvalley.planner.security;

import java.io.IOException;

import org.qiluvalley.planner.web.ProblemJson;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what. Reads are public (the OGC API, the investor map; controllers show anonymous users public
 * fields only); writes, allocations, history, the audit and the inquiry inbox are for planners (anyone may send an
 * inquiry, and a signed-in investor reads their own); users are for admins.
 * Browsers sign in with a form and keep a session (in the database, see V5); API clients send HTTP Basic on
 * every request and get no session. CSRF: see {@link #forgeable}.
 */
@Configuration(proxyBeanMethods = false)
// The import command runs the same application without a web server: no filter chain to build then.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login.html";
    static final String PLANNER_PAGE = "/planner.html";
    static final String ADMIN_PAGE = "/admin.html";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemJsonSecurityHandlers problems,
            SignInFailures signInFailures) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/error", "/actuator/health").permitAll()
                .requestMatchers("/api/users", "/api/users/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, PLANNER_PAGE).hasRole("PLANNER")
                .requestMatchers(HttpMethod.GET, ADMIN_PAGE).hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/allocations/validate", "/api/inquiries").permitAll()
                // Signed-in investors read their own inquiries (the controller filters); planners read all.
                .requestMatchers(HttpMethod.GET, "/api/inquiries", "/api/inquiries/*").authenticated()
                // The density view of the public map: public counts only (see map/).
                .requestMatchers(HttpMethod.GET, "/api/parcels/density").permitAll()
                // The planning-conditions letter: available sites for everyone (the controller decides the rest).
                .requestMatchers(HttpMethod.GET, "/api/parcels/*/conditions").permitAll()
                .requestMatchers("/api/allocations", "/api/allocations/**", "/api/history", "/api/history/**",
                        "/api/audit", "/api/audit.csv", "/api/supervision", "/api/supervision.csv", "/api/parcels/**",
                        "/api/inquiries/**", "/api/budgets")
                .hasRole("PLANNER")
                // Public reads: the OGC API (role-filtered by its controllers), the maps, static files, 404s.
                .requestMatchers(HttpMethod.GET, "/**").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/login", "/logout").permitAll()
                // Every other write (OGC API Features Part 4 on the collections) is a planner's.
                .anyRequest().hasRole("PLANNER"))
                .formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl("/login")
                        .successHandler(new RoleLandingPage()).failureHandler(problems).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .httpBasic(basic -> basic.realmName(ProblemJsonSecurityHandlers.REALM)
                        .authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // HTTP Basic authenticates every request by itself: such a request never rides on a session.
                .securityContext(context -> context.securityContextRepository(
                        new BasicIgnoresSession(new DelegatingSecurityContextRepository(
                                new RequestAttributeSecurityContextRepository(),
                                new HttpSessionSecurityContextRepository()))))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new PageCsrfTokenHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::forgeable))
                .addFilterBefore(new SignInThrottle(signInFailures), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        PublicResponseHeaders.CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * The CSRF token's cookie, read by the pages' scripts (so not HttpOnly). {@code SameSite=Strict}: the token only
     * ever travels from our own pages. {@code Secure} whenever the request came over TLS, which behind a reverse
     * proxy the service knows from {@code X-Forwarded-Proto} with {@code server.forward-headers-strategy=native}.
     */
    static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return repository;
    }

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * Requests that need the CSRF token (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}): state-changing
     * requests that ride on a browser session, and sign-in and sign-out themselves. A request with no session
     * carries no ambient authority another site could borrow, and one with HTTP Basic credentials authenticates
     * itself (its password is checked, its session ignored: {@link BasicIgnoresSession}); both are exempt, so API
     * clients and anonymous visitors get a 401 or their answer rather than a CSRF error. Any other
     * {@code Authorization} header (a {@code Bearer} token, say, which this service never checks) exempts nothing.
     */
    static boolean forgeable(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = request.getServletPath();
        if (path.equals("/login") || path.equals("/logout")) {
            return true;
        }
        return request.getRequestedSessionId() != null && !BasicIgnoresSession.hasBasicCredentials(request);
    }

    /**
     * Requests Spring Security's firewall refuses (a {@code ;} path parameter, an encoded or double slash, a
     * {@code ..} segment): 400 problem details, as for any other malformed request.
     */
    @Bean
    static RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            if (!response.isCommitted()) {
                ProblemJson.write(response, 400, "Bad request", "The URL is malformed or not allowed here (for "
                        + "example a path parameter, an encoded slash, or a '..' segment).", null);
            }
        };
    }

    /**
     * Cross-origin reads of the public OGC API ({@link PublicCors}), after the anonymous fast path (which writes the
     * same headers itself) and before the security chain.
     */
    @Bean
    FilterRegistrationBean<PublicCors> publicCors() {
        FilterRegistrationBean<PublicCors> registration = new FilterRegistrationBean<>(new PublicCors());
        registration.addUrlPatterns("/ogc", "/ogc/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setName("publicCors");
        return registration;
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("PLANNER").build();
    }

    /** After sign-in: back to the page that asked for it, else planners to the workspace and investors to the map. */
    static final class RoleLandingPage extends SavedRequestAwareAuthenticationSuccessHandler {
        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.core.Authentication authentication) {
            return Role.isPlanner(authentication) ? PLANNER_PAGE : "/";
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.core.Authentication authentication) throws ServletException, IOException {
            setDefaultTargetUrl(determineTargetUrl(request, response, authentication));
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /**
     * The token for pages' scripts: the raw cookie value in the {@code X-XSRF-TOKEN} header, or the masked value
     * (BREACH-safe) in a {@code _csrf} form field. Unlike {@code csrf.spa()}, which loads the token on every request,
     * the token stays deferred (request attribute {@code _csrf}): an API read or a tile mints none and sets no cookie.
     */
    static final class PageCsrfTokenHandler extends CsrfTokenRequestAttributeHandler {
        private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

        PageCsrfTokenHandler() {
            masked.setCsrfRequestAttributeName("_csrf");
            setCsrfRequestAttributeName("_csrf");
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                java.util.function.Supplier<CsrfToken> csrfToken) {
            masked.handle(request, response, csrfToken);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            String header = request.getHeader(csrfToken.getHeaderName());
            return header != null && !header.isEmpty() ? super.resolveCsrfTokenValue(request, csrfToken)
                    : masked.resolveCsrfTokenValue(request, csrfToken);
        }
    }

    /**
     * Loads the deferred CSRF token when a page or {@code /api/me} is requested, so the {@code XSRF-TOKEN} cookie is
     * there for the page's scripts. Not on API reads, tiles and static files: minting a token costs CPU on every
     * request, and a {@code Set-Cookie} on a public response keeps shared caches from storing it.
     */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getServletPath();
            return !(path.equals("/") || path.endsWith(".html") || path.equals("/api/me"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}

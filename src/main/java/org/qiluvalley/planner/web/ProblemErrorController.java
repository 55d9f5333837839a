package org.qiluvalley.planner.web;

import java.io.IOException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet container's error page, {@code /error}, in place of Spring Boot's default (whose JSON is not problem
 * details). Requests end here when the container itself refuses them ({@code /WEB-INF/...}, a failure thrown past
 * every handler): each becomes problem+json with the status the container chose. Asked for directly, {@code /error}
 * is a resource like any other that does not exist: 404.
 */
@Controller
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable throwable) {
            OutOfMemoryIsFatal.haltIfOutOfMemory(throwable);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code instanceof Integer number && number >= 400 && number <= 599 ? number : 404;
        String path = uri instanceof String text ? text : request.getRequestURI();
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        // A body refused while a filter read it (the sign-in form, say) is the client's doing, not a failure.
        RequestBodyRefusedException refused = failure instanceof Throwable t ? RequestBodyRefusedException.in(t) : null;
        if (refused != null) {
            response.setStatus(refused.status());
            if (refused.reason() == RequestBodyRefusedException.Reason.BUSY) {
                response.setHeader("Retry-After", "5");
            }
            ProblemJson.write(response, refused.status(), refused.title(), refused.getMessage(), path);
            return;
        }
        ProblemJson.write(response, status, title(status), detail(status), path);
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this path.";
            case 405 -> "This path does not accept this method.";
            case 400 -> "The request is malformed.";
            default -> status < 500 ? "The request cannot be served." : "The service failed to answer this request; "
                    + "the failure has been logged.";
        };
    }
}

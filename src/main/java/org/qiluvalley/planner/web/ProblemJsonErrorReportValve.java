package org.qiluvalley.planner.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat rejects some requests before they reach Spring (an encoded slash or NUL in the path, a malformed request
 * line). Its default error page is HTML; this valve answers those with a problem+json body instead, and never with
 * a stack trace or server version.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    public ProblemJsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        OutOfMemoryIsFatal.haltIfOutOfMemory(throwable);
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = status < 500 ? "The request was rejected before it reached the service: the URL or the request "
                + "line is malformed (for example an encoded slash or NUL character in the path)."
                : "The server failed to answer this request.";
        String body = new String(ProblemJson.bytes(status, status < 500 ? "Bad request" : "Internal error", detail,
                null), java.nio.charset.StandardCharsets.UTF_8);
        try {
            response.setContentType(ProblemJson.MEDIA_TYPE);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response was committed; nothing more can be said.
        }
    }
}

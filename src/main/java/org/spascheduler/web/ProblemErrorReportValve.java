package org.spascheduler.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report, for requests it refuses before the application sees them (a path with an encoded slash,
 * a NUL or a broken percent-escape): problem+json like every other error, instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        var code = response.getStatus();
        // Like Tomcat's report: only errors, and never over a body the application already wrote.
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var status = HttpStatus.resolve(code);
        var field = status == null ? "request" : ProblemErrorController.fieldOf(status);
        var detail = status == null ? "The request was refused." : ProblemErrorController.detailOf(status);
        var title = status == null ? "Error" : status.getReasonPhrase();
        var body = "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"field\":\"%s\",\"errors\":[{\"field\":\"%s\",\"reason\":\"%s\"}]}"
                .formatted(title, code, detail, field, field, detail);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is already sent: nothing more to say.
        }
    }
}

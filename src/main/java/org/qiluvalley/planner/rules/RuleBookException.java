package org.qiluvalley.planner.rules;

/** The rule book cannot be used; the message names the file and the line. The service refuses to start with it. */
public class RuleBookException extends RuntimeException {

    public RuleBookException(String message) {
        super(message);
    }

    public RuleBookException(String message, Throwable cause) {
        super(message, cause);
    }
}

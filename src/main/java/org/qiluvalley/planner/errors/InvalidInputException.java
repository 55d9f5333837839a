package org.qiluvalley.planner.errors;

/** Malformed or out-of-range input: a body, a parameter, a geometry the service cannot take as it is. */
public class InvalidInputException extends RefusedException {

    public InvalidInputException(String detail) {
        super("Invalid request", detail);
    }
}

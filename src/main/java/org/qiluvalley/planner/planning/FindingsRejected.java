package org.qiluvalley.planner.planning;

import java.util.List;

import org.qiluvalley.planner.rules.Finding;

/** A write refused by the rule book: at least one error finding. Answered 422 with the findings report. */
public class FindingsRejected extends RuntimeException {

    private final transient List<Finding> findings;

    public FindingsRejected(List<Finding> findings) {
        super("the rule book refuses this change: " + findings.stream().filter(Finding::isError)
                .map(Finding::rule).distinct().toList());
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}

package dev.mlledger.application.prediction;

import java.util.List;

/**
 * Use case: score employees with the attrition model and store every prediction, together with the log
 * entry of the request that asked, in one transaction.
 */
public interface ScoreEmployees {

    int MAX_BATCH = 1000;

    /** One employee; violations are named {@code employeeId}, {@code features.age}. */
    ScoredEmployees scoreOne(RequestOrigin origin, EmployeeToScore employee);

    /**
     * 1 to {@value #MAX_BATCH} employees, all or nothing; violations are named by index ({@code [3].features.age}),
     * the list as a whole {@code ""}.
     */
    ScoredEmployees scoreBatch(RequestOrigin origin, List<EmployeeToScore> employees);
}

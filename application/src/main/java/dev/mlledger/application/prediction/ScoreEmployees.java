package dev.mlledger.application.prediction;

import dev.mlledger.domain.validation.Violation;

import java.util.List;

/**
 * Use case: score employees with the attrition model and store every prediction, together with the log
 * entry of the request that asked, in one transaction.
 */
public interface ScoreEmployees {

    int MAX_BATCH = 1000;

    /** One employee ({@code POST /api/v1/predict}); violations are named {@code features.age}. */
    ScoredEmployees scoreOne(RequestOrigin origin, EmployeeToScore employee);

    /**
     * 1 to {@value #MAX_BATCH} employees, all or nothing ({@code POST /api/v1/predict/batch}); violations are
     * named {@code items[3].features.age}.
     */
    ScoredEmployees scoreBatch(RequestOrigin origin, List<EmployeeToScore> employees);

    /**
     * What is wrong with one employee's id and features, each violation named under {@code prefix} ({@code ""} or
     * {@code "items[3]."}); stores nothing. Lets a caller that already found other problems in a request report
     * them all in one answer.
     */
    List<Violation> problemsWith(EmployeeToScore employee, String prefix);
}

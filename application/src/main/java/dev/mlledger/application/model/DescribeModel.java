package dev.mlledger.application.model;

/** Use case: {@code GET /api/v1/model}. */
public interface DescribeModel {

    ModelDescription describe();
}

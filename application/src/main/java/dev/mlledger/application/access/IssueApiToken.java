package dev.mlledger.application.access;

/** Use case: issue an API token with a new random secret. */
public interface IssueApiToken {

    /** @throws dev.mlledger.domain.validation.Conflict when a live token has that name */
    IssuedToken issue(NewApiToken token);
}

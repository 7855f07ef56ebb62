package dev.mlledger.application.health;

/** Use case: is the service able to do its work right now? */
public interface CheckHealth {

    HealthReport check();
}

package dev.mlledger.bootstrap.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** With security switched off ({@code mlledger.security.enabled=false}), says so at every start. */
@Singleton
@Requires(property = "micronaut.security.enabled", value = "false")
public class SecurityOffWarning implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityOffWarning.class);

    @Override
    public void onApplicationEvent(StartupEvent event) {
        LOG.warn("Security is OFF (mlledger.security.enabled=false): anyone who can reach this port may read every "
                + "prediction, score, change and delete experiments, and purge history. Do not run it so where "
                + "others can reach it.");
    }
}

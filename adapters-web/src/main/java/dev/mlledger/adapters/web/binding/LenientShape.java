package dev.mlledger.adapters.web.binding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The routes of a controller that speaks another protocol's rules on request shape: MLflow's REST API ignores
 * members and query parameters it does not know and takes an int64 as a JSON number or a string. For them
 * {@link RequestShapeFilter} checks only that a body is JSON (and keeps it for the request log); the controller's
 * records and the domain's rules check the rest.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LenientShape {
}

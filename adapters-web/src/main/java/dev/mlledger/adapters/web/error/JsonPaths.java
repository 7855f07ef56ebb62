package dev.mlledger.adapters.web.error;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.config.naming.PropertyNamingStrategy;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells a violation's path, which the domain names in Java words ({@code items[3].employeeId}, {@code minProb}),
 * as the client wrote it ({@code items[3].employee_id}, {@code min_prob}): through the matched route's request
 * record (with Serde's naming strategy) and its {@code @QueryValue} names. Map keys (feature names) and anything
 * the route does not describe stay as they are.
 */
public final class JsonPaths {

    /** The naming every request record declares ({@code @Serdeable(naming = SnakeCaseStrategy.class)}). */
    public static final PropertyNamingStrategy NAMING = PropertyNamingStrategy.SNAKE_CASE;
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]*)((?:\\[\\d+])*)\\.?");

    private JsonPaths() {
    }

    /** A Java name ({@code attritionProb}) as the request records' naming strategy writes it ({@code attrition_prob}). */
    public static String snakeCase(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public static String render(HttpRequest<?> request, String path) {
        if (path.isEmpty()) {
            return "body";
        }
        MethodBasedRouteMatch<?, ?> route = RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(match -> (MethodBasedRouteMatch<?, ?>) match)
                .orElse(null);
        if (route == null) {
            return path;
        }
        String first = path.split("[.\\[]", 2)[0];
        for (Argument<?> argument : route.getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class) && argument.getName().equals(first)) {
                String name = argument.getAnnotationMetadata().stringValue(Bindable.class).orElse(first);
                return name + path.substring(first.length());
            }
        }
        for (Argument<?> argument : route.getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
                return throughRecord(argument, path);
            }
        }
        return path;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String throughRecord(Argument<?> type, String path) {
        StringBuilder rendered = new StringBuilder();
        Argument<?> current = type;
        Matcher segment = SEGMENT.matcher(path);
        int at = 0;
        while (at < path.length() && segment.find(at) && segment.end() > at) {
            String name = segment.group(1);
            String indexes = segment.group(2);
            if (!name.isEmpty()) {
                if (!rendered.isEmpty()) {
                    rendered.append('.');
                }
                Optional<BeanIntrospection<Object>> record = current == null ? Optional.empty()
                        : BeanIntrospector.SHARED.findIntrospection((Class<Object>) current.getType());
                Optional<BeanProperty<Object, Object>> property = record.flatMap(r -> r.getProperty(name));
                if (property.isPresent()) {
                    rendered.append(NAMING.translate(property.get()));
                    current = property.get().asArgument();
                } else {
                    rendered.append(name);
                    current = null;   // a map key or something the record does not describe: the rest as it is
                }
            }
            rendered.append(indexes);
            for (int i = 0; current != null && i < indexes.length(); i = indexes.indexOf(']', i) + 1) {
                current = List.class.isAssignableFrom(current.getType())
                        ? current.getFirstTypeVariable().orElse(null) : null;
            }
            at = segment.end();
        }
        return rendered.toString();
    }
}

package dev.mlledger.adapters.persistence.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the SQL of every statement the application prepares, to prove how many statements a request sends
 * (no N+1). Active only in tests that set {@code mlledger.test.record-statements=true}.
 */
@Singleton
@Requires(property = "mlledger.test.record-statements", value = "true")
public class StatementRecorder implements BeanCreatedEventListener<DataSource>, Ordered {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource target = event.getBean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                forwarding(target, (method, args) -> {
                    Object result = method.invoke(target, args);
                    return result instanceof Connection connection ? recording(connection) : result;
                }));
    }

    /** First of the listeners, so it wraps the pool itself, beneath Micronaut's transaction-aware wrapper. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    public void clear() {
        statements.clear();
    }

    /** The statements prepared since the last {@link #clear()}, in order. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** Those of {@link #statements()} whose SQL mentions {@code table}. */
    public List<String> statementsOn(String table) {
        return statements().stream().filter(sql -> sql.contains(table)).toList();
    }

    private Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                forwarding(connection, (method, args) -> {
                    if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                            && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    return method.invoke(connection, args);
                }));
    }

    private interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static InvocationHandler forwarding(Object target, Call call) {
        return (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args.length == 1 && ((Class<?>) args[0]).isInstance(target)) {
                return target;
            }
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}

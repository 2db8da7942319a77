package org.ratification.ledger.api.write;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the commits the application makes on chosen threads, at the JDBC level: every
 * {@code Connection.commit()}, and every writing statement run on a connection in auto-commit mode
 * (which commits by itself). Wraps the application's one DataSource, so every path to the database
 * (Axon's storage engine, the read models' JdbcTemplates, Spring's transaction manager) is seen.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CommitCounter implements BeanPostProcessor {

    private static final AtomicInteger commits = new AtomicInteger();
    private static final AtomicInteger autoCommittedWrites = new AtomicInteger();
    private static final java.util.List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The threads whose commits count: Tomcat's request threads. */
    private static final Predicate<Thread> COUNTED = t -> t.getName().contains("-exec-");
    /** Run on the committing thread right after each counted commit, given its connection. */
    private static volatile java.util.function.Consumer<Connection> afterCommit = c -> {};

    /** Runs {@code hook} right after each counted commit, on the committing thread, until the next reset. */
    public static void afterCommit(java.util.function.Consumer<Connection> hook) {
        afterCommit = hook;
    }

    public static void reset() {
        commits.set(0);
        autoCommittedWrites.set(0);
        statements.clear();
        afterCommit = c -> {};
    }

    /** The texts of the statements executed on the counted threads since the reset, in order. */
    public static java.util.List<String> statements() {
        return java.util.List.copyOf(statements);
    }

    public static int commits() {
        return commits.get();
    }

    public static int autoCommittedWrites() {
        return autoCommittedWrites.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && beanName.equals("dataSource")) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection
                        ? proxy(Connection.class, connection, this::onConnection)
                        : result;
            });
        }
        return bean;
    }

    private Object onConnection(Object target, Method method, Object[] args) throws Throwable {
        Connection connection = (Connection) target;
        boolean counted = method.getName().equals("commit") && COUNTED.test(Thread.currentThread());
        if (counted) {
            commits.incrementAndGet();
        }
        Object result = invoke(target, method, args);
        if (counted) {
            afterCommit.accept(connection);
        }
        if (result instanceof Statement statement) {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            Class<?> type = result instanceof java.sql.CallableStatement
                    ? java.sql.CallableStatement.class
                    : result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
            return proxy(type, statement, (t, m, a) -> {
                if (m.getName().startsWith("execute") && COUNTED.test(Thread.currentThread())) {
                    String text = sql != null ? sql : a != null && a.length > 0 && a[0] instanceof String s ? s : "";
                    statements.add(text);
                    if (connection.getAutoCommit() && writes(text)) {
                        autoCommittedWrites.incrementAndGet();
                    }
                }
                return invoke(t, m, a);
            });
        }
        return result;
    }

    private static boolean writes(String sql) {
        String start = sql.stripLeading().toUpperCase(Locale.ROOT);
        return !start.startsWith("SELECT") && !start.startsWith("WITH") && !start.startsWith("VALUES");
    }

    interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(target, method, args);
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(CommitCounter.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

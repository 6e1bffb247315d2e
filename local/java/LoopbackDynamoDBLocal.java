import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Starts AWS's DynamoDB Local bound to 127.0.0.1 only.
 *
 * DynamoDB Local has no option for the listen address: it builds a Jetty server on all interfaces.
 * The embedded stack promises that nothing it starts is reachable from another host, so this launcher
 * creates the server exactly as DynamoDB Local's own main does, then sets every Jetty connector's host
 * to the loopback address before starting it. Reflection keeps it free of compile-time dependencies on
 * the jar; the compiled class is committed so that a JRE without javac can run it
 * (rebuild: javac --release 11 LoopbackDynamoDBLocal.java).
 */
public final class LoopbackDynamoDBLocal {
    private LoopbackDynamoDBLocal() {}

    public static void main(String[] args) {
        try {
            start(args);
        } catch (Throwable failure) {
            // Jetty's threads would keep the JVM alive after a failed start (port taken, bad path):
            // report and exit, so the parent sees the failure at once.
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void start(String[] args) throws Exception {
        Class<?> runner = Class.forName("com.amazonaws.services.dynamodbv2.local.main.ServerRunner");
        Method create = runner.getMethod("createServerFromCommandLineArgs", String[].class);
        Object proxy = create.invoke(null, (Object) args);
        Field serverField = proxy.getClass().getDeclaredField("server");
        serverField.setAccessible(true);
        Object jetty = serverField.get(proxy);
        Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
        if (connectors.length == 0) {
            throw new IllegalStateException("DynamoDB Local created no connector to bind");
        }
        for (Object connector : connectors) {
            connector.getClass().getMethod("setHost", String.class).invoke(connector, "127.0.0.1");
        }
        proxy.getClass().getMethod("start").invoke(proxy);
        System.out.println("DynamoDB Local listening on 127.0.0.1");
    }
}

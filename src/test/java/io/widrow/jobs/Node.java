package io.widrow.jobs;

import java.util.Map;

import io.widrow.WidrowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A whole application on a random port, driven over real HTTP: for tests that need several nodes or a restart. */
final class Node extends HttpApi implements AutoCloseable {
    final ConfigurableApplicationContext context;

    private Node(ConfigurableApplicationContext context) {
        super("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
        this.context = context;
    }

    static Node start(Map<String, Object> properties, String... profiles) {
        Map<String, Object> props = new java.util.HashMap<>(properties);
        props.put("server.port", "0");
        props.put("widrow.admin-key", ADMIN_KEY);
        // As command-line arguments: they must win over profile files such as application-postgres.properties.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WidrowApplication.class,
                JobsTestSupport.FakeModels.class)
                .profiles(profiles)
                .run(args);
        return new Node(ctx);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
    }
}

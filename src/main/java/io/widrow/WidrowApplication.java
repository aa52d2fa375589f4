package io.widrow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the Widrow training service. */
@SpringBootApplication
public class WidrowApplication {
    public static void main(String[] args) {
        SpringApplication.run(WidrowApplication.class, args);
    }
}

package io.widrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engine's JVM flags are stated once, in the pom (which the tests, spring-boot:run and the bench scripts
 * read), and repeated where a file cannot read the pom: docker-compose's JDK_JAVA_OPTIONS and the README's.
 * A flag added to the pom but not there would leave those servers on a slower or unsafe path unnoticed.
 */
class EngineFlagsTest {
    private static final Pattern POM = Pattern.compile("<widrow\\.engine\\.jvm\\.args>(.*)</widrow\\.engine\\.jvm\\.args>");
    private static final Pattern JDK_JAVA_OPTIONS = Pattern.compile("JDK_JAVA_OPTIONS[:=]\\s*\"([^\"]*)\"");

    /** The pom's flags, each with its argument ("--add-modules jdk.incubator.vector" is one). */
    static List<String> engineFlags() throws IOException {
        Matcher m = POM.matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).as("pom.xml states widrow.engine.jvm.args").isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+(?=-)"));
    }

    static List<String> jdkJavaOptions(Path file) throws IOException {
        Matcher m = JDK_JAVA_OPTIONS.matcher(Files.readString(file));
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void thePomStatesTheFastPathsFlags() throws IOException {
        assertThat(engineFlags()).contains("--add-modules jdk.incubator.vector", "-XX:+UseTransparentHugePages",
                "-XX:PerMethodTrapLimit=100000");
    }

    @Test
    void dockerComposeAndTheReadmePassEveryOne() throws IOException {
        List<String> flags = engineFlags();
        for (Path file : List.of(Path.of("docker-compose.yml"), Path.of("README.md"))) {
            List<String> options = jdkJavaOptions(file);
            assertThat(options).as("JDK_JAVA_OPTIONS in %s", file).isNotEmpty();
            for (String o : options) {
                assertThat(missing(flags, o)).as("flags missing from JDK_JAVA_OPTIONS in %s", file).isEmpty();
            }
        }
    }

    @Test
    void aMissingFlagIsNamed() throws IOException {
        Path compose = Files.createTempFile("compose", ".yml");
        try {
            Files.writeString(compose, "    environment:\n      JDK_JAVA_OPTIONS: \"-Xmx1g -XX:+UseTransparentHugePages"
                    + " --add-modules jdk.incubator.vector\"\n");
            List<String> options = jdkJavaOptions(compose);
            assertThat(options).hasSize(1);
            assertThat(missing(engineFlags(), options.get(0))).containsExactly("-XX:PerMethodTrapLimit=100000");
        } finally {
            Files.delete(compose);
        }
    }

    /** The flags of {@code flags} that {@code options} does not pass, each as a whole word. */
    static List<String> missing(List<String> flags, String options) {
        String padded = " " + options.trim().replaceAll("\\s+", " ") + " ";
        return flags.stream().filter(f -> !padded.contains(" " + f + " ")).toList();
    }
}

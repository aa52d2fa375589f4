package io.widrow.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void floatsRoundTripBitForBit() {
        float[] values = {0.1f, -1.0e-30f, 3.4028235e38f, 1.4e-45f, (float) Math.PI, -0f};
        Object parsed = Json.parse(Json.write(Map.of("v", values)));
        List<?> list = (List<?>) ((Map<?, ?>) parsed).get("v");
        for (int i = 0; i < values.length; i++) {
            assertThat(Float.floatToIntBits(((Number) list.get(i)).floatValue()))
                    .isEqualTo(Float.floatToIntBits(values[i]));
        }
    }

    @Test
    void stringsWithEscapesRoundTrip() {
        String s = "quote \" backslash \\ newline \n tab \t unicode é \u0001";
        assertThat(Json.parse(Json.write(s))).isEqualTo(s);
    }

    @Test
    void malformedInputNamesTheOffset() {
        assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2,}")).hasMessageContaining("offset 12");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nesting deeper than");
    }
}

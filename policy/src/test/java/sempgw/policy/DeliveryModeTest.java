package sempgw.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DeliveryModeTest {

    @Test
    void parse_configSpellings_giveTheirModes() {
        assertThat(DeliveryMode.parse("semp-required")).contains(DeliveryMode.SEMP_REQUIRED);
        assertThat(DeliveryMode.parse("semp-preferred")).contains(DeliveryMode.SEMP_PREFERRED);
        assertThat(DeliveryMode.parse("smtp-only")).contains(DeliveryMode.SMTP_ONLY);
    }

    @ParameterizedTest
    @EnumSource(DeliveryMode.class)
    void spelling_parsedBack_givesTheSameMode(DeliveryMode mode) {
        assertThat(DeliveryMode.parse(mode.spelling())).contains(mode);
        assertThat(mode.toString()).isEqualTo(mode.spelling());
    }

    @Test
    void parse_upperCase_isAccepted() {
        assertThat(DeliveryMode.parse("SEMP-Required")).contains(DeliveryMode.SEMP_REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "required", "semp_required", " semp-required", "semp-required ", "SEMP_REQUIRED", "smtp"})
    void parse_otherSpellings_giveEmpty(String spelling) {
        assertThat(DeliveryMode.parse(spelling)).isEmpty();
    }

    @Test
    void parse_null_givesEmpty() {
        assertThat(DeliveryMode.parse(null)).isEmpty();
    }
}

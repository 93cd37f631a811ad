package sempgw.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

final class StrictBase64Test {
    @Test
    void canonicalText_decodes() {
        assertThat(StrictBase64.decode("AA==")).containsExactly(0);
        assertThat(StrictBase64.decode("AAE=")).containsExactly(0, 1);
        assertThat(StrictBase64.decode("")).isEmpty();
    }

    @Test
    void nonZeroUnusedBits_areRefused_thoughTheJdkDecoderWouldAcceptThem() {
        assertThat(java.util.Base64.getDecoder().decode("AB==")).containsExactly(0);
        assertThatIllegalArgumentException().isThrownBy(() -> StrictBase64.decode("AB=="));
        assertThatIllegalArgumentException().isThrownBy(() -> StrictBase64.decode("AAF="));
    }

    @Test
    void missingPaddingUrlAlphabetAndWhitespace_areRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> StrictBase64.decode("AA"));
        assertThatIllegalArgumentException().isThrownBy(() -> StrictBase64.decode("-_8="));
        assertThatIllegalArgumentException().isThrownBy(() -> StrictBase64.decode("AA ==\n"));
    }
}

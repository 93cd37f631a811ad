package sempgw.smtp.egress.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CapabilitiesTest {

    @Test
    void parse_typicalEhlo_recognisesExtensions() {
        SmtpReply ehlo = SmtpReply.of(250, List.of("mx.example.org greets you", "PIPELINING", "SIZE 10240000",
                "8BITMIME", "STARTTLS", "auth PLAIN LOGIN", "DSN", "SMTPUTF8", "ENHANCEDSTATUSCODES"));

        Capabilities caps = Capabilities.parse(ehlo);

        assertThat(caps.pipelining()).isTrue();
        assertThat(caps.startTls()).isTrue();
        assertThat(caps.dsn()).isTrue();
        assertThat(caps.smtpUtf8()).isTrue();
        assertThat(caps.eightBitMime()).isTrue();
        assertThat(caps.sizeLimit()).hasValue(10240000);
        assertThat(caps.authMechanisms()).containsExactlyInAnyOrder("PLAIN", "LOGIN");
        assertThat(caps.has("CHUNKING")).isFalse();
    }

    @Test
    void parse_oldAuthFormAndSizeWithoutLimit_handled() {
        Capabilities caps = Capabilities.parse(SmtpReply.of(250, List.of("host", "AUTH=LOGIN", "SIZE", "SIZE 0")));

        assertThat(caps.authMechanisms()).containsExactly("LOGIN");
        assertThat(caps.has("SIZE")).isTrue();
        assertThat(caps.sizeLimit()).isEmpty();
    }

    @Test
    void none_heloServer_offersNothing() {
        assertThat(Capabilities.none().pipelining()).isFalse();
        assertThat(Capabilities.parse(SmtpReply.of(250, "just a name")).extensions()).isEmpty();
    }
}

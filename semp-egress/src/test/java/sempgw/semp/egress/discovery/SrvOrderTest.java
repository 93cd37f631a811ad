package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class SrvOrderTest {

    private static ServerTarget t(String host, int priority, int weight) {
        return new ServerTarget(host, 443, priority, weight);
    }

    @Test
    void order_differentPriorities_lowestFirst() {
        List<ServerTarget> ordered = SrvOrder.order(List.of(t("c", 30, 100), t("a", 10, 1), t("b", 20, 50)), new SplittableRandom(1));
        assertThat(ordered).extracting(ServerTarget::host).containsExactly("a", "b", "c");
    }

    @Test
    void order_equalPriority_weightsDecideTheFirstInProportion() {
        SplittableRandom random = new SplittableRandom(42);
        List<ServerTarget> targets = List.of(t("heavy", 10, 90), t("light", 10, 10), t("backup", 20, 100));
        int heavyFirst = 0;
        int runs = 10_000;
        for (int i = 0; i < runs; i++) {
            List<ServerTarget> ordered = SrvOrder.order(targets, random);
            assertThat(ordered.getLast().host()).isEqualTo("backup");
            if (ordered.getFirst().host().equals("heavy")) {
                heavyFirst++;
            }
        }
        assertThat(heavyFirst).isBetween(8_700, 9_200);
    }

    @Test
    void order_zeroWeightAmongWeighted_isRarelyFirstButKept() {
        SplittableRandom random = new SplittableRandom(7);
        List<ServerTarget> targets = List.of(t("zero", 10, 0), t("some", 10, 99));
        int zeroFirst = 0;
        for (int i = 0; i < 10_000; i++) {
            List<ServerTarget> ordered = SrvOrder.order(targets, random);
            assertThat(ordered).hasSize(2);
            if (ordered.getFirst().host().equals("zero")) {
                zeroFirst++;
            }
        }
        assertThat(zeroFirst).isBetween(50, 200);
    }

    @Test
    void order_allZeroWeights_returnsEveryTarget() {
        List<ServerTarget> ordered = SrvOrder.order(List.of(t("a", 5, 0), t("b", 5, 0), t("c", 5, 0)), new SplittableRandom(3));
        assertThat(ordered).extracting(ServerTarget::host).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void order_duplicateHostAndPort_keptOnce() {
        List<ServerTarget> ordered = SrvOrder.order(List.of(t("a", 10, 5), t("a", 20, 5)), new SplittableRandom(3));
        assertThat(ordered).containsExactly(t("a", 10, 5));
    }

    @Test
    void configurationUrl_defaultAndOtherPort() {
        assertThat(t("semp.example.com", 10, 10).configurationUrl()).isEqualTo("https://semp.example.com/.well-known/semp/configuration");
        assertThat(new ServerTarget("semp.example.com", 8443, 0, 0).configurationUrl())
                .isEqualTo("https://semp.example.com:8443/.well-known/semp/configuration");
    }
}

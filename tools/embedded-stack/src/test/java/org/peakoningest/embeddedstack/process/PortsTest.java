package org.peakoningest.embeddedstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void thePreferredPortIsUsedWhenFreeAndAnotherWhenTaken() throws Exception {
        Ports ports = new Ports();
        int free = new Ports().free();

        assertThat(ports.preferredOrFree(free)).isEqualTo(free);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int other = new Ports().preferredOrFree(taken.getLocalPort());
            assertThat(other).isNotEqualTo(taken.getLocalPort()).isPositive();
            assertThat(Ports.isListening(taken.getLocalPort())).isTrue();
            assertThat(Ports.isFree(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void aPortIsNeverHandedOutTwice() {
        Ports ports = new Ports();
        Set<Integer> seen = new HashSet<>();
        int first = ports.free();
        seen.add(first);
        assertThat(ports.preferredOrFree(first)).isNotEqualTo(first);
        for (int i = 0; i < 20; i++) {
            assertThat(seen.add(ports.free())).isTrue();
        }
    }
}

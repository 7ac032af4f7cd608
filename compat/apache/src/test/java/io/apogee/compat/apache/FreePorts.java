package io.apogee.compat.apache;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Finds ports for the child servers. A broker also listens on port−2 (fast channel) and port+1 (HA), so those must be free too. */
final class FreePorts {
    private FreePorts() {
    }

    static int namesrvPort() {
        return find(0);
    }

    static int brokerPort() {
        return find(2);
    }

    private static int find(int lowerNeighbours) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 40000);
            if (free(port) && free(port + 1) && (lowerNeighbours == 0 || free(port - lowerNeighbours))) {
                return port;
            }
        }
        throw new IllegalStateException("no free port range found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package org.peakoningest.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy that can be cut and restored on the same port: cutting closes every open connection and
 * drops new ones as soon as they are accepted, which is what a client sees when its server goes away. Used in front
 * of the embedded Mongo so a test can take it "down" while the data survives.
 *
 * <p>The listening socket stays bound while cut: closing it and binding the port again on restore let another
 * process take the port in between (seen in CI, with other builds on the machine).
 */
final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ServerSocket server;
    private volatile boolean cut;

    TcpProxy(InetSocketAddress upstream) {
        this.upstream = upstream;
        this.server = open();
        this.port = server.getLocalPort();
        acceptLoop(server);
    }

    int port() {
        return port;
    }

    synchronized void cut() {
        cut = true;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    synchronized void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private static ServerSocket open() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on a free port of 127.0.0.1", e);
        }
    }

    private void acceptLoop(ServerSocket listening) {
        Thread acceptor = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try {
                            Socket client = listening.accept();
                            if (cut) {
                                closeQuietly(client); // "down": the connection drops at once
                                continue;
                            }
                            Socket backend = new Socket(upstream.getAddress(), upstream.getPort());
                            client.setTcpNoDelay(true);
                            backend.setTcpNoDelay(true);
                            synchronized (this) {
                                if (cut) { // cut while connecting: this one drops too
                                    closeQuietly(client);
                                    closeQuietly(backend);
                                    continue;
                                }
                                sockets.add(client);
                                sockets.add(backend);
                            }
                            pump(client, backend);
                            pump(backend, client);
                        } catch (IOException e) {
                            // listening socket closed by close(), or upstream refused: the client sees a closed
                            // connection
                        }
                    }
                },
                "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(
                () -> {
                    byte[] buffer = new byte[64 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side closed: close both below
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        sockets.remove(from);
                        sockets.remove(to);
                    }
                },
                "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // closing is best effort: the point is that the peer sees the connection drop
        }
    }
}

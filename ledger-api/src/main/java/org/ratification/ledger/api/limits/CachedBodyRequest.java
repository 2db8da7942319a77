package org.ratification.ledger.api.limits;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A request whose body has been read into memory (within the size limit) and can be read again. */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    /** Thrown when a body is larger than allowed. */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes.");
        }
    }

    /** Thrown when a body is not received within the deadline. */
    public static final class TooSlow extends IOException {
        TooSlow(Duration deadline) {
            super("The request body was not received within " + deadline.toSeconds() + " s.");
        }
    }

    /** How long a body may take to arrive unless a caller says otherwise. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    private static final int CHUNK = 8192;

    private final byte[] body;

    private CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The request with its body cached, reading at most {@code limit} bytes. */
    public static CachedBodyRequest of(HttpServletRequest request, long limit) throws IOException {
        return of(request, limit, DEFAULT_DEADLINE);
    }

    /**
     * The request with its body cached, reading at most {@code limit} bytes, and giving up with
     * {@link TooSlow} once {@code deadline} has passed. Each read also ends at the server's read
     * timeout ({@code server.tomcat.connection-timeout}), so a client that declares a body and
     * sends it a byte at a time, or not at all, holds a worker for at most about the two together.
     */
    public static CachedBodyRequest of(HttpServletRequest request, long limit, Duration deadline) throws IOException {
        if (request instanceof CachedBodyRequest cached) {
            return cached;
        }
        if (request.getContentLengthLong() > limit) {
            throw new TooLarge(limit);
        }
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        InputStream in = request.getInputStream();
        int max = (int) Math.min(Integer.MAX_VALUE - 8, limit + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        try {
            int read;
            while (bytes.size() < max && (read = in.read(chunk, 0, Math.min(CHUNK, max - bytes.size()))) != -1) {
                bytes.write(chunk, 0, read);
                if (System.nanoTime() - giveUpAt > 0 && !finished(in)) {
                    throw new TooSlow(deadline);
                }
            }
        } catch (SocketTimeoutException e) {
            throw new TooSlow(deadline);
        } catch (IOException e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                throw new TooSlow(deadline);
            }
            throw e;
        }
        if (bytes.size() > limit) {
            throw new TooLarge(limit);
        }
        return new CachedBodyRequest(request, bytes.toByteArray());
    }

    private static boolean finished(InputStream in) {
        return in instanceof ServletInputStream servlet && servlet.isFinished();
    }

    public byte[] body() {
        return body.clone();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("The body is already read");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}

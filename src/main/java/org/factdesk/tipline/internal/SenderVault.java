package org.factdesk.tipline.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.factdesk.shared.DataDirectory;
import org.factdesk.tipline.TiplineProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts what could lead back to a tipper (a chat id, a contact) with AES-GCM before it is stored. The key comes
 * from {@code FACTDESK_TIPLINE_KEY} (Base64 of 32 bytes), or is generated once into
 * {@code <data-dir>/tipline/tipline.key} (readable by its owner only). Losing the key only loses the ability to send
 * later answers; nothing else depends on it.
 */
@Component
public class SenderVault {

    private static final String VERSION = "v1:";
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] ASSOCIATED_DATA = "factdesk-tipline".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SenderVault(TiplineProperties properties, DataDirectory dataDirectory) {
        this.key = new SecretKeySpec(loadKey(properties.key(), dataDirectory), "AES");
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, stored, 0, iv.length);
            System.arraycopy(sealed, 0, stored, iv.length, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalStateException when the value was not encrypted with this key (or was altered) */
    public String decrypt(String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("Not a sealed value");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_LENGTH));
            cipher.updateAAD(ASSOCIATED_DATA);
            return new String(cipher.doFinal(bytes, IV_LENGTH, bytes.length - IV_LENGTH), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a stored sender: wrong key or altered value", e);
        }
    }

    /**
     * A keyed hash of {@code value}: the same for the same value, telling nothing about it without the key. Abuse
     * limits count by it, so that not even memory holds chat ids or addresses longer than a request.
     */
    public String pseudonym(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] loadKey(String configured, DataDirectory dataDirectory) {
        if (!configured.isBlank()) {
            return checked(Base64.getDecoder().decode(configured.strip()), "FACTDESK_TIPLINE_KEY");
        }
        Path file = dataDirectory.resolve("tipline").resolve("tipline.key");
        try {
            if (!Files.exists(file)) {
                byte[] generated = new byte[32];
                random.nextBytes(generated);
                Path temporary = Files.createTempFile(file.getParent(), "key-", ".part");
                restrict(temporary);
                Files.writeString(temporary, Base64.getEncoder().encodeToString(generated));
                try {
                    Files.move(temporary, file);
                } catch (java.nio.file.FileAlreadyExistsException race) {
                    Files.deleteIfExists(temporary);
                }
            }
            return checked(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the tipline key " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(
                    file,
                    Set.of(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply.
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be the Base64 of 32 bytes (openssl rand -base64 32)");
        }
        return key;
    }
}

package net.twampagent.dataplane.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-128 as TWAMP uses it, CBC without padding over whole 16-octet blocks, and the argument checks around it. */
final class Aes {
    /** The AES block, which is also the unit of every TWAMP-Control message. */
    static final int BLOCK = 16;
    private static final byte[] ZERO_IV = new byte[BLOCK];

    private Aes() {
    }

    /** An AES-CBC cipher without padding, ready at {@code iv}. */
    static Cipher cbc(final int opmode, final byte[] key, final byte[] iv) {
        requireLength("AES key", key, BLOCK);
        requireLength("IV", iv, BLOCK);
        try {
            final Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(opmode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot run AES/CBC/NoPadding", e);
        }
    }

    /** An AES-CBC cipher without padding, ready at IV 0, which is also AES-ECB for a single block. */
    static Cipher cbcFromZero(final int opmode, final byte[] key) {
        return cbc(opmode, key, ZERO_IV);
    }

    /** {@code blocks} encrypted with AES-CBC from IV 0 under {@code key}, in a new array. */
    static byte[] encryptFromZero(final byte[] key, final byte[] blocks) {
        requireWholeBlocks("input", blocks.length);
        try {
            return cbcFromZero(Cipher.ENCRYPT_MODE, key).doFinal(blocks);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding refused whole blocks", e);
        }
    }

    static void requireLength(final String what, final byte[] value, final int length) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " octets, not " + value.length);
        }
    }

    static void requireWholeBlocks(final String what, final int length) {
        if (length % BLOCK != 0) {
            throw new IllegalArgumentException(what + " must be whole 16-octet blocks, not " + length + " octets");
        }
    }
}

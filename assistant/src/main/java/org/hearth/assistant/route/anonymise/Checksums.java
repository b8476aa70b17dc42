package org.hearth.assistant.route.anonymise;

import java.math.BigInteger;
import java.util.Map;

/** The check digits that tell an IBAN or a German tax ID from any other run of digits. */
final class Checksums {

    /** Length of the IBAN per country (ISO 13616 registry), for the countries a German or English firm meets. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("DE", 22), Map.entry("AT", 20), Map.entry("CH", 21), Map.entry("LI", 21), Map.entry("FR", 27),
            Map.entry("NL", 18), Map.entry("BE", 16), Map.entry("LU", 20), Map.entry("IT", 27), Map.entry("ES", 24),
            Map.entry("PT", 25), Map.entry("GB", 22), Map.entry("IE", 22), Map.entry("PL", 28), Map.entry("CZ", 24),
            Map.entry("DK", 18), Map.entry("SE", 24), Map.entry("NO", 15), Map.entry("FI", 18), Map.entry("TR", 26),
            Map.entry("GR", 27), Map.entry("HU", 28), Map.entry("SK", 24), Map.entry("SI", 19), Map.entry("HR", 21),
            Map.entry("RO", 24), Map.entry("BG", 22), Map.entry("MT", 31), Map.entry("CY", 28), Map.entry("EE", 20),
            Map.entry("LV", 21), Map.entry("LT", 20), Map.entry("IS", 26), Map.entry("MC", 27), Map.entry("SM", 27));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Checksums() {
    }

    static int ibanLength(String country) {
        return IBAN_LENGTHS.getOrDefault(country, -1);
    }

    /** An IBAN without spaces: known country, its length, and mod 97 of the rearranged number is 1. */
    static boolean validIban(String compact) {
        if (compact.length() < 15 || ibanLength(compact.substring(0, 2)) != compact.length()) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /**
     * The German Steuerliche Identifikationsnummer: 11 digits, no leading zero, in the first ten one digit occurs
     * twice or three times and the others at most once, and the last is the ISO 7064 MOD 11,10 check digit.
     */
    static boolean validTaxId(String digits) {
        if (digits.length() != 11 || digits.charAt(0) == '0' || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[digits.charAt(i) - '0']++;
        }
        int repeated = 0;
        for (int count : counts) {
            if (count > 3) {
                return false;
            }
            if (count > 1) {
                repeated++;
            }
        }
        if (repeated != 1) {
            return false;
        }
        return digits.charAt(10) - '0' == taxIdCheckDigit(digits.substring(0, 10));
    }

    static int taxIdCheckDigit(String firstTen) {
        int product = 10;
        for (char c : firstTen.toCharArray()) {
            int sum = (c - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        return check == 10 ? 0 : check;
    }
}

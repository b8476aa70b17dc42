package org.hearth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocatorTest {

    @Test
    void a_single_page_or_paragraph_is_a_range_of_one() {
        assertThat(Locator.page(4)).isEqualTo(new Locator(Locator.Unit.PAGE, 4, 4));
        assertThat(Locator.paragraph(2)).isEqualTo(new Locator(Locator.Unit.PARAGRAPH, 2, 2));
    }

    @Test
    void a_range_is_one_based_and_ascending() {
        assertThatThrownBy(() -> Locator.page(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Locator(Locator.Unit.PARAGRAPH, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Locator(null, 1, 1)).isInstanceOf(NullPointerException.class);
    }
}

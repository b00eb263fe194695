package dev.strata.maven.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The test project's Product after a change in code: a price column, not yet in any migration. */
@Entity(name = "PricedProduct")
@Table(name = "products")
public class PricedProduct {

    @Id
    String sku;

    String name;

    @Column(name = "price_cents")
    Long priceCents;
}

package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The product after a change in code: a price column, not yet in any migration. */
@Entity
@Table(name = "products")
public class Product {

    @Id
    String sku;

    String name;

    @Column(name = "price_cents")
    Long priceCents;
}

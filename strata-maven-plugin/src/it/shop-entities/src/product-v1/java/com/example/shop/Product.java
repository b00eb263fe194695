package com.example.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product as the first release maps it. */
@Entity
@Table(name = "products")
public class Product {

    @Id
    String sku;

    String name;
}

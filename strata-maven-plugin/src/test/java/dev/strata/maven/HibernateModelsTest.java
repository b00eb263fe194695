package dev.strata.maven;

import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.sqlite.SqlModels;
import dev.strata.maven.hibernate.EntityScan;
import dev.strata.maven.hibernate.HibernateModels;
import com.example.shop.Customer;
import com.example.shop.OrderLine;
import com.example.shop.Product;
import com.example.shop.PurchaseOrder;
import dev.strata.maven.shop.PricedProduct;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JPA entities through a real Hibernate: the DDL its schema export writes for SQLite, read back by SQLite.
 * The entities are the test project's (src/it/shop-entities), compiled with these tests.
 */
class HibernateModelsTest {

    static final List<Class<?>> SHOP = List.of(Customer.class, PurchaseOrder.class, OrderLine.class, Product.class);

    private static Table table(Schema schema, String name) {
        return schema.table(Identifier.of(name)).orElseThrow(() -> new AssertionError("no table " + name + " in " + schema.tables().keySet()));
    }

    @Test
    void every_entity_becomes_a_table_and_the_index_an_index() {
        Schema schema = SqlModels.parse(HibernateModels.render(SHOP, getClass().getClassLoader()));

        assertEquals(Set.of("customers", "orders", "order_lines", "products"),
                schema.tables().keySet().stream().map(Identifier::toString).collect(Collectors.toSet()));
        assertEquals(List.of("ix_orders_customer"), schema.indexesOn(Identifier.of("orders")).stream().map(i -> i.name().toString()).toList());
    }

    @Test
    void a_many_to_one_is_a_foreign_key_to_the_referenced_tables_key() {
        Schema schema = SqlModels.parse(HibernateModels.render(SHOP, getClass().getClassLoader()));

        List<ForeignKey> keys = table(schema, "orders").foreignKeys();

        assertEquals(1, keys.size(), keys.toString());
        assertEquals("customers", keys.get(0).referencedTable().toString());
        assertEquals(List.of("customer_id"), keys.get(0).columns().stream().map(Identifier::toString).toList());
    }

    @Test
    void an_embedded_id_is_a_composite_primary_key() {
        Schema schema = SqlModels.parse(HibernateModels.render(SHOP, getClass().getClassLoader()));

        Table lines = table(schema, "order_lines");

        assertEquals(Set.of("line_no", "order_id"), lines.primaryKey().columns().stream().map(Identifier::toString).collect(Collectors.toSet()));
        assertEquals("orders", lines.foreignKeys().get(0).referencedTable().toString());
    }

    @Test
    void the_scan_finds_the_entities_of_the_packages_asked_for() throws Exception {
        Path classes = Path.of(Customer.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        List<Class<?>> found = EntityScan.entities(classes, List.of("com.example.shop"), getClass().getClassLoader());

        assertEquals(List.of(Customer.class, OrderLine.class, Product.class, PurchaseOrder.class), found);
    }

    @Test
    void an_invalid_mapping_is_refused_with_hibernates_message() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HibernateModels.render(List.of(PurchaseOrder.class), getClass().getClassLoader()));

        assertTrue(e.getMessage().contains("Customer"), e.getMessage());
    }
}

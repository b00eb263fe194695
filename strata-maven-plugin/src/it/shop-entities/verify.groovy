// Run 1 (the entities as released) passed strata check; run 2 (Product changed in code) failed it,
// naming the column that no revision records.
def log = new File(basedir, 'build.log').text
def models = new File(basedir, 'target/strata/models.sql').text

assert models.contains('-- rendered by Hibernate ')
assert models.contains('create table customers')
assert models.contains('foreign key (customer_id) references customers (id)')
assert models.contains('primary key (line_no, order_id)')
assert models.contains('create index ix_orders_customer')
assert models.contains('price_cents bigint')

assert log.contains('strata: wrote target/strata/models.sql from 4 entities: Customer, OrderLine, Product, PurchaseOrder')
assert log.contains('models         passed')
assert log.contains('error [models]: table products: column price_cents is in the models but not in the migrations')
assert log.contains('strata check failed: the migrations in . do not pass')
return true

from sqlalchemy import Column, ForeignKey, Index, Integer, Numeric, Text, text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

print("the shop's models are being imported")  # what an application prints must not reach the DDL


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = {"sqlite_autoincrement": True}

    id = Column(Integer, primary_key=True)
    email = Column(Text, nullable=False, unique=True)
    joined_on = Column(Text, nullable=False, server_default=text("CURRENT_DATE"))
    orders = relationship("Order", back_populates="customer")


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (Index("ix_orders_customer", "customer_id"),)

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id", ondelete="CASCADE"), nullable=False)
    total = Column(Numeric(10, 2), nullable=False, server_default="0")
    customer = relationship("Customer", back_populates="orders")

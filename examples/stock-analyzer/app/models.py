"""The stock analyzer's tables as SQLAlchemy models: the same schema as schema/models.yaml.

A team that declares its tables in code points Strata at them instead of a second copy:

    models: {sqlalchemy: "app.models:Base"}        # strata.yaml

Strata renders this metadata with SQLAlchemy's own SQLite dialect, exactly as create_all() would.
Works with SQLAlchemy 1.4 (Debian bookworm's python3-sqlalchemy) and 2.x.
"""
from sqlalchemy import (DDL, REAL, CheckConstraint, Column, ForeignKey, Index, Integer, Text, UniqueConstraint,
                        event, text)
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Industry(Base):
    __tablename__ = "industries"

    code = Column(Text, primary_key=True)
    name = Column(Text, nullable=False)


class Company(Base):
    __tablename__ = "companies"
    __table_args__ = {"sqlite_autoincrement": True}

    id = Column(Integer, primary_key=True)
    symbol = Column(Text(collation="NOCASE"), nullable=False, unique=True)
    name = Column(Text, nullable=False)
    sector = Column(Text)
    listed_on = Column(Text)
    industry_code = Column(Text, ForeignKey("industries.code"))


class DailyPrice(Base):
    __tablename__ = "daily_prices"
    __table_args__ = (
        UniqueConstraint("symbol", "date"),
        CheckConstraint("volume >= 0"),
        Index("ix_daily_prices_date", "date"),
    )

    id = Column(Integer, primary_key=True)
    symbol = Column(Text, ForeignKey("companies.symbol", ondelete="CASCADE"), nullable=False)
    date = Column(Text, nullable=False)
    open = Column(REAL)
    high = Column(REAL)
    low = Column(REAL)
    close_price = Column(REAL)
    volume = Column(Integer)


class Watchlist(Base):
    __tablename__ = "watchlists"
    __table_args__ = {"sqlite_autoincrement": True}

    id = Column(Integer, primary_key=True)
    name = Column(Text, nullable=False, unique=True)
    created_at = Column(Text, nullable=False, server_default=text("CURRENT_TIMESTAMP"))


class WatchlistItem(Base):
    __tablename__ = "watchlist_items"

    watchlist_id = Column(Integer, ForeignKey("watchlists.id", ondelete="CASCADE"), primary_key=True)
    symbol = Column(Text, ForeignKey("companies.symbol"), primary_key=True)
    added_at = Column(Text, server_default=text("CURRENT_TIMESTAMP"))


class AnalysisResult(Base):
    __tablename__ = "analysis_results"
    __table_args__ = (
        CheckConstraint("indicator IN ('sma_20', 'sma_50', 'rsi_14', 'macd')"),
        Index("ix_analysis_results_symbol_day", "symbol", "computed_on"),
    )

    id = Column(Integer, primary_key=True)
    symbol = Column(Text, ForeignKey("companies.symbol", ondelete="CASCADE"), nullable=False)
    computed_on = Column(Text, nullable=False)
    indicator = Column(Text, nullable=False)
    value = Column(REAL)


# SQLAlchemy has no view construct: DDL attached to the metadata is emitted after the tables, and
# Strata reads it with them.
event.listen(Base.metadata, "after_create", DDL("""\
CREATE VIEW v_latest_prices AS SELECT p.symbol, c.name, p.date, p.close_price, p.volume
FROM daily_prices AS p
JOIN companies AS c ON c.symbol = p.symbol
WHERE p.date = (SELECT max(date) FROM daily_prices WHERE symbol = p.symbol)"""))

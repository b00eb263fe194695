"""rename daily_prices.close to close_price

Revision ID: c0b8d2f4e604
Revises: a94f3e1c5b03
"""
from alembic import op
import sqlalchemy as sa

revision = "c0b8d2f4e604"
down_revision = "a94f3e1c5b03"


def daily_prices(close):
    # offline mode cannot reflect the table, so batch mode is told its shape before the change
    return sa.Table(
        "daily_prices", sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("symbol", sa.Text, sa.ForeignKey("companies.symbol", ondelete="CASCADE"), nullable=False),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("open", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("low", sa.Float),
        sa.Column(close, sa.Float),
        sa.Column("volume", sa.Text),
        sa.UniqueConstraint("symbol", "date"),
    )


def upgrade():
    with op.batch_alter_table("daily_prices", copy_from=daily_prices("close"), recreate="always") as batch:
        batch.alter_column("close", new_column_name="close_price")


def downgrade():
    with op.batch_alter_table("daily_prices", copy_from=daily_prices("close_price"), recreate="always") as batch:
        batch.alter_column("close_price", new_column_name="close")

"""create daily prices table

Revision ID: 7d2e4b6a8c02
Revises: 3f1c0a9b2d01
"""
from alembic import op
import sqlalchemy as sa

revision = "7d2e4b6a8c02"
down_revision = "3f1c0a9b2d01"


def upgrade():
    op.create_table(
        "daily_prices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("symbol", sa.Text, sa.ForeignKey("companies.symbol", ondelete="CASCADE"), nullable=False),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("open", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("low", sa.Float),
        sa.Column("close", sa.Float),
        sa.Column("volume", sa.Text),
        sa.UniqueConstraint("symbol", "date"),
    )


def downgrade():
    op.drop_table("daily_prices")

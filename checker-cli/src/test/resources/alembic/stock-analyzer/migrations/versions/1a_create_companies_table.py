"""create companies table

Revision ID: 3f1c0a9b2d01
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "3f1c0a9b2d01"
down_revision = None


def upgrade():
    op.create_table(
        "companies",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("symbol", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("sector", sa.Text),
        sa.Column("listed_on", sa.Text),
    )


def downgrade():
    op.drop_table("companies")

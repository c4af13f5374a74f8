"""Alembic environment: runs on a connection handed in by the store (or a URL for autogen)."""

from alembic import context
from sqlalchemy import create_engine

from kotaksaran.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    conn = config.attributes.get("connection")
    if conn is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.connect() as c:
            _configure(c)
            with context.begin_transaction():
                context.run_migrations()
            c.commit()
        return
    _configure(conn)
    with context.begin_transaction():
        context.run_migrations()


def _configure(conn):
    context.configure(
        connection=conn,
        target_metadata=target_metadata,
        render_as_batch=conn.dialect.name == "sqlite",
        compare_type=True,
    )


run()

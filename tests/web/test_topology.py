"""Start-up guardrails for several workers and hosts, and the readiness check."""
import pytest

from web import create_app
from web.topology import TopologyError, problems


def _config(tmp_path, **extra):
    return {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}",
            "INSTANCE_DIR": str(tmp_path), "MAIL_OUTBOX": str(tmp_path / "outbox"), **extra}


def test_production_refuses_to_start_without_a_shared_secret_and_mail(tmp_path):
    with pytest.raises(TopologyError) as refused:
        create_app(_config(tmp_path, ENVIRONMENT="production", SECRET_KEY_FROM_ENVIRONMENT=False,
                           MAIL_SERVER="", REDIS_URL="redis://127.0.0.1:6379/15",
                           RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/15"))
    message = str(refused.value)
    assert "SECRET_KEY" in message and "MAIL_SERVER" in message
    assert "REDIS_URL" not in message


def test_several_workers_refuse_state_kept_per_worker(tmp_path):
    with pytest.raises(TopologyError) as refused:
        create_app(_config(tmp_path, WORKERS=4, RATELIMIT_STORAGE_URI="memory://",
                           RATELIMIT_ENABLED=True, PAGE_CACHE_SECONDS=300))
    message = str(refused.value)
    assert "Rate limits would count per worker" in message
    assert "Directory pages would be kept per worker" in message


def test_several_workers_start_with_redis(tmp_path):
    app = create_app(_config(tmp_path, WORKERS=4, REDIS_URL="redis://127.0.0.1:6379/15",
                             RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/15"))
    assert problems(app) == []


def test_one_worker_in_development_needs_nothing(tmp_path):
    app = create_app(_config(tmp_path, RATELIMIT_STORAGE_URI="memory://"))
    assert problems(app) == []


@pytest.mark.db
def test_readiness_answers_once_the_index_is_warm(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["index"] == "warm"
    assert client.get("/healthz").status_code == 200

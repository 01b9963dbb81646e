"""Build hook: compile the translation catalogs while the package is built, so that every
install (`pip install .`, a wheel, `pip install -e .`) carries the .mo files and an English
visitor gets English. The .mo files are build output (git ignores them), so they are listed
as artifacts for the wheel to include."""
import importlib.util
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        # Loaded by path: importing the web package would need Flask in the build environment.
        path = Path(self.root) / "web" / "infra" / "catalogs.py"
        spec = importlib.util.spec_from_file_location("werkpostwijzer_catalogs", path)
        catalogs = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(catalogs)
        catalogs.compile_catalogs(Path(self.root) / "web" / "translations", force=True)
        build_data["artifacts"].append("web/translations/**/*.mo")

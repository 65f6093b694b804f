"""The README's Python example prints what the README shows."""

import contextlib
import io
import os
import re
import unittest

from support import REPO


class ReadmeExampleTest(unittest.TestCase):
    def test_the_python_example_prints_what_the_readme_shows(self):
        text = (REPO / "README.md").read_text(encoding="utf-8")
        m = re.search(r"```python\n(.*?)\n```\s*\nprints\s*\n\s*```\n(.*?)\n```", text, re.S)
        self.assertIsNotNone(m, "the README has a Python example followed by 'prints' and its output")
        code, shown = m.group(1), m.group(2)
        out = io.StringIO()
        cwd = os.getcwd()
        os.chdir(REPO)  # the example reads sample-signals/ relative to the repository, as a reader runs it
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(code, "README.md (Python example)", "exec"), {})
        finally:
            os.chdir(cwd)
        self.assertEqual(shown.strip(), out.getvalue().strip())


if __name__ == "__main__":
    unittest.main()

import subprocess  # want: B404
from subprocess import Popen  # want: B404
import os, subprocess  # want: B404
import importlib
importlib.import_module("subprocess")  # want: B404

import os
import subprocess_tee
from os import path

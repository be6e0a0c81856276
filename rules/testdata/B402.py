import ftplib  # want: B402
from ftplib import FTP_TLS  # want: B402

import paramiko

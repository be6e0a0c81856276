import ftplib
from ftplib import FTP

ftplib.FTP(host)  # want: B321
FTP(host)  # want: B321

ftplib.FTP_TLS(host)

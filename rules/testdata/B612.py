import logging.config
from logging.config import listen

logging.config.listen(9999)  # want: B612
t = listen()  # want: B612

logging.config.listen(9999, verify=check_signature)
logging.config.dictConfig(cfg)

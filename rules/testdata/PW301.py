import boto3

AWS_ACCESS_KEY_ID = "AKIAQ7RZN4TSVD2HKE6W"  # want: PW301
session = boto3.Session(aws_access_key_id="ASIAZ3K7NQ2RLM5VT6XB")  # want: PW301
# old key: AKIAY4WQ6ZRT2KLNM3PX  # want: PW301

# AWS's own documentation example, a placeholder and near misses.
EXAMPLE = "AKIAIOSFODNN7EXAMPLE"
TEMPLATE = "AKIAXXXXXXXXXXXXXXXX"
NOT_A_KEY = "AKIA is the prefix of AWS access key IDs"
SHORT = "AKIAQ7RZN4TS"

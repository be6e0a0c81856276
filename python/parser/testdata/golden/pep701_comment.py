x = f"""{
    a  # the first
    + b
}"""
